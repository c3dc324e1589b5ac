import { TargetSpec } from './template-builder';

// Typical main targets (chỉ tiêu chủ yếu) of a provincial political report, as examples for
// drafters to replace: indicators and units as such reports word them, values plausible for a
// province, not taken from any one congress.

export const exampleNewTermTargets = (termEndYear: string, term: string): TargetSpec[] => [
  { indicator: 'Tốc độ tăng trưởng GRDP bình quân', unit: '%/năm', newTarget: '7–7,5' },
  { indicator: `GRDP bình quân đầu người đến năm ${termEndYear}`, unit: 'triệu đồng', newTarget: '…' },
  { indicator: `Tổng vốn đầu tư toàn xã hội giai đoạn ${term}`, unit: 'nghìn tỷ đồng', newTarget: '…' },
  { indicator: 'Tỷ lệ hộ nghèo giảm bình quân', unit: '%/năm', newTarget: '1–1,5' },
  { indicator: `Tỷ lệ lao động qua đào tạo đến năm ${termEndYear}`, unit: '%', newTarget: '75' },
  { indicator: 'Tỷ lệ dân số tham gia bảo hiểm y tế', unit: '%', newTarget: '95 trở lên' },
  { indicator: 'Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên hằng năm', unit: '%', newTarget: '90 trở lên' },
  { indicator: 'Tỷ lệ kết nạp đảng viên mới hằng năm so với tổng số đảng viên', unit: '%', newTarget: '3 trở lên' },
];

export const exampleReviewTargets = (): TargetSpec[] => [
  { indicator: 'Tốc độ tăng trưởng GRDP bình quân', unit: '%/năm', previousTarget: '7–7,5', achieved: '…', assessment: 'unknown' },
  { indicator: 'Tỷ lệ hộ nghèo giảm bình quân', unit: '%/năm', previousTarget: '2–2,5', achieved: '…', assessment: 'unknown' },
  { indicator: 'Tỷ lệ lao động qua đào tạo', unit: '%', previousTarget: '70', achieved: '…', assessment: 'unknown' },
  { indicator: 'Tỷ lệ dân số tham gia bảo hiểm y tế', unit: '%', previousTarget: '95', achieved: '…', assessment: 'unknown' },
  { indicator: 'Tỷ lệ kết nạp đảng viên mới hằng năm so với tổng số đảng viên', unit: '%', previousTarget: '3', achieved: '…', assessment: 'unknown' },
];
