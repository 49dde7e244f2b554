export const libraryCase = {
  back: "Back to the library",
};
