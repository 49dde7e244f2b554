export const commitments = {};
