export const delegation = {
  title: "delegation",
};
