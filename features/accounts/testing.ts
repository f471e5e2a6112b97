import 'server-only';
/** A client's registration profile for tests and benchmarks (everything but the address and password). */
export const sampleClientProfile = {
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'ハナコ',
  phone: null,
  timeZone: 'Asia/Tokyo',
};
