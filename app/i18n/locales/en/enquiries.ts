export const enquiries = {
  title: "Enquiries",
};
