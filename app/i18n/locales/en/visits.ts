export const visits = {
  title: "visits",
  unknownTimeZone: "Choose a time zone such as Asia/Baku or Asia/Jakarta.",
  doneNeedsReport: "A visit is done only once its report is written.",
};
