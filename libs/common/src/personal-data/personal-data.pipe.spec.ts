import { PERSONAL_DATA_MESSAGES, personalDataFields } from './personal-data.pipe.js';

const PIN = PERSONAL_DATA_MESSAGES.personal_identity_number;

describe('personalDataFields', () => {
  it('should name every field holding an identity number, at any depth, and no other', () => {
    const body = {
      title: 'Insats 121212-1212',
      amount: 1212121212,
      lines: [
        { kind: 'actual', dimensions: { ansvar: '1100', projekt: '19121212-1212' } },
        ['ok', '1212121212', null, 7],
      ],
      nested: { deeper: [{ note: 'ingen' }] },
    };

    expect(personalDataFields(body, '')).toEqual([
      { field: 'title', message: PIN },
      { field: 'lines[0].dimensions.projekt', message: PIN },
      { field: 'lines[1][1]', message: PIN },
    ]);
    expect(personalDataFields(body, 'body').map((e) => e.field)).toContain('body.lines[1][1]');
  });

  it('should name a bare string by its path, or as the body at the root', () => {
    expect(personalDataFields('121212-1212', '')).toEqual([{ field: 'body', message: PIN }]);
    expect(personalDataFields('121212-1212', 'id')).toEqual([{ field: 'id', message: PIN }]);
    expect(personalDataFields(['1100', { a: 'P7' }], 'codes')).toEqual([]);
  });
});
