/** The emulator's clock: real (or injected) time plus whatever the tests advanced it by. */
export type Clock = {
  nowMs(): number;
  nowSeconds(): number;
  advance(seconds: number): void;
};

export function createClock(now: () => number = Date.now): Clock {
  let offsetMs = 0;
  const nowMs = () => now() + offsetMs;
  return {
    nowMs,
    nowSeconds: () => Math.floor(nowMs() / 1000),
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
  };
}
