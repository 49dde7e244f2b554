export const enquiries = {
  title: "Permintaan",
};
