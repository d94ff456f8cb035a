import { calendarDateIn } from './clock.js';

describe('calendarDateIn', () => {
  it("should give the zone's date when it is already tomorrow there", () => {
    expect(calendarDateIn(new Date('2026-03-31T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-04-01');
  });

  it('should format in each zone asked for when one zone was asked for before', () => {
    const instant = new Date('2026-03-31T22:30:00Z');
    calendarDateIn(instant, 'Europe/Stockholm');

    expect(calendarDateIn(instant, 'America/New_York')).toBe('2026-03-31');
    expect(calendarDateIn(instant, 'Europe/Stockholm')).toBe('2026-04-01');
  });
});
