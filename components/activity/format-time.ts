// Times are written on the server, in UTC and said so: no hydration mismatch, no guessing.
const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatTime = (date: Date | string) => `${format.format(new Date(date))} UTC`;
