export const itinerary = {
  title: "itinerary",
};
