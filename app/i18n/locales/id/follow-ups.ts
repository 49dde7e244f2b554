export const followUps = {
  title: "followUps",
};
