import { placeAndDate, placeOfOrganization } from './place-and-date';

describe('the place-and-date line', () => {
  it.each([
    ['Đảng bộ tỉnh Lai Châu', 'Lai Châu'],
    ['Đảng bộ huyện Tam Đường', 'Tam Đường'],
    ['Đảng bộ thành phố Lai Châu', 'Lai Châu'],
    ['Ban Chấp hành Đảng bộ huyện Phong Thổ', 'Phong Thổ'],
    ['Chi bộ xã Bình Lư', 'Bình Lư'],
    ['Đảng ủy phường Tân Phong', 'Tân Phong'],
    ['tỉnh Điện Biên', 'Điện Biên'],
    ['Cán bộ lãnh đạo chủ chốt đã nghỉ hưu', 'Cán bộ lãnh đạo chủ chốt đã nghỉ hưu'],
  ])('%s → %s', (name, place) => expect(placeOfOrganization(name)).toBe(place));

  it('writes the date on Việt Nam’s calendar, a day below 10 and a month below 3 with a zero', () => {
    expect(placeAndDate('Lai Châu', new Date('2025-02-05T03:00:00Z'))).toBe('Lai Châu, ngày 05 tháng 02 năm 2025');
    expect(placeAndDate('Lai Châu', new Date('2025-11-15T03:00:00Z'))).toBe('Lai Châu, ngày 15 tháng 11 năm 2025');
    expect(placeAndDate('Lai Châu', new Date('2025-03-09T03:00:00Z'))).toBe('Lai Châu, ngày 09 tháng 3 năm 2025');
    // 20:00 UTC on 31 December is already 1 January in Việt Nam
    expect(placeAndDate('Tam Đường', new Date('2025-12-31T20:00:00Z'))).toBe('Tam Đường, ngày 01 tháng 01 năm 2026');
  });
});
