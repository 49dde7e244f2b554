export const replication = {
  title: "Where the idea travelled",
};
