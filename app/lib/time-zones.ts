/** The zones the account forms offer: the partners' own (Indonesia has three), and UTC. */
export const offeredTimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Baku", "UTC"];
