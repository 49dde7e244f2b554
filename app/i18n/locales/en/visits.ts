export const visits = {
  title: "visits",
};
