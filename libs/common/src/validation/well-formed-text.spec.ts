import { findIllFormedText } from './well-formed-text.js';

describe('findIllFormedText', () => {
  it('should name every field as the validation pipe does when strings deep in a body hold a NUL or a lone surrogate', () => {
    const body = {
      title: 'Fält\u0000arbete',
      participants: [{ role: 'partner' }, { responsibility: 'Fritid \ud800' }],
      plan: { method: '\udc00' },
    };

    expect(findIllFormedText(body).map((e) => e.field)).toEqual([
      'title',
      'participants[1].responsibility',
      'plan.method',
    ]);
  });

  it('should find nothing when text holds characters beyond U+FFFF as surrogate pairs', () => {
    expect(findIllFormedText({ name: 'Unga 🌱 i arbete', tags: ['\ud83c\udf31'] })).toEqual([]);
  });

  it('should name the key when a key itself holds a NUL character', () => {
    expect(findIllFormedText({ dimensions: { 'an\u0000svar': '1100' } })).toEqual([
      { field: 'dimensions.an\u0000svar', message: 'has a name that must not contain the NUL character (U+0000)' },
    ]);
  });

  it('should call a text body the field body when it is one string, as a CSV file is', () => {
    expect(findIllFormedText('period,cell\n2024,all\u0000')).toEqual([
      { field: 'body', message: expect.stringContaining('NUL') },
    ]);
  });
});
