export const organizations = {
  title: "organizations",
};
