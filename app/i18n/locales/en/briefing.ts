export const briefing = {
  title: "briefing",
};
