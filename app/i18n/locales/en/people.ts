export const people = {
  title: "people",
};
