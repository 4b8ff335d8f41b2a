export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const isoNow = (clock: Clock) => clock().toISOString();
