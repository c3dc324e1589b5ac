import { cleanRepresentativeText } from './representative-text';
import { clusterBlock } from './cluster-block';
import { prepareComment } from './prepare';

describe('cleanRepresentativeText', () => {
  it.each([
    ['- Làm rõ nguyên nhân chủ quan', 'Làm rõ nguyên nhân chủ quan'],
    ['• Bổ sung chỉ tiêu', 'Bổ sung chỉ tiêu'],
    ['  + - Đề nghị bỏ câu cuối', 'Đề nghị bỏ câu cuối'],
    ['1. Đề nghị bổ sung', 'Đề nghị bổ sung'],
    ['a) Sửa cụm từ', 'Sửa cụm từ'],
    ['(2) Thêm giải pháp', 'Thêm giải pháp'],
    ['trường học ở các xã ,  vùng xa', 'trường học ở các xã, vùng xa'],
    ['Vì sao  chưa đạt ?', 'Vì sao chưa đạt?'],
    ['Đề nghị ( nếu được ) bổ sung ; cảm ơn .', 'Đề nghị (nếu được) bổ sung; cảm ơn.'],
    ['7,5% là phù hợp', '7,5% là phù hợp'],
    ['2030 là mốc', '2030 là mốc'],
    ['1.000 tỷ đồng là thấp', '1.000 tỷ đồng là thấp'],
    ['Tăng trưởng 7–7,5%/năm', 'Tăng trưởng 7–7,5%/năm'],
    ['Dòng một\n\n\n-  Dòng hai', 'Dòng một\n\n-  Dòng hai'.replace('-  ', '- ')],
  ])('%j → %j', (raw, cleaned) => {
    expect(cleanRepresentativeText(raw)).toBe(cleaned);
  });

  it('is NFC and idempotent', () => {
    const raw = '-  Đề nghị làm rõ , cụ thể'.normalize('NFD');
    const once = cleanRepresentativeText(raw);
    expect(once).toBe('Đề nghị làm rõ, cụ thể'.normalize('NFC'));
    expect(cleanRepresentativeText(once)).toBe(once);
  });
});

describe('the representative text of a cluster', () => {
  it('is cleaned, while the prepared comment keeps the text as typed', () => {
    const typed = '- Làm rõ giải pháp phát triển trường học ở các xã ,  vùng xa';
    const prepared = [prepareComment({ id: 'c1', unit: 'u1', sourceType: 'lower_organization', blockId: 'b', kind: 'question', text: typed })];
    const [cluster] = clusterBlock(prepared);
    expect(prepared[0].text).toBe(typed);
    expect(cluster.representative).toBe('Làm rõ giải pháp phát triển trường học ở các xã, vùng xa');
  });
});
