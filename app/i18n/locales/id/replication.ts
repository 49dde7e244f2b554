export const replication = {
  title: "Perjalanan gagasan ini",
};
