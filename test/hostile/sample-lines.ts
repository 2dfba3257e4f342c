/** Log lines every hostile test embeds: each is exactly one API error. */

export const TENCENT_BODY =
  '{"Response":{"Error":{"Code":"ResourceNotFound.Topic","Message":"The topic does not exist."},"RequestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}}';
export const TENCENT_ID = '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61';

export const ALIBABA_LINE =
  '2026-11-22 09:44:35,480 ERROR mqtt.admin: ApplyToken failed: body={"RequestId":"5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Code":"ApplyTokenOverFlow","Message":"You have applied for tokens too many times."}';
export const ALIBABA_ID = '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6';

/**
 * A Tencent SDK text error whose message part can carry any bytes. Each call
 * with another `n` has another RequestId (one call is one error: a RequestId
 * repeated within a source is counted once).
 */
export function tencentSdkLine(message: string | Buffer, n = 0): Buffer {
  return Buffer.concat([
    Buffer.from('2026/11/22 09:45:00 [TencentCloudSDKError] Code=AuthFailure.SignatureExpire, Message='),
    Buffer.isBuffer(message) ? message : Buffer.from(message),
    Buffer.from(`, RequestId=${tencentSdkId(n)}`),
  ]);
}
export function tencentSdkId(n = 0): string {
  return `8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d${String(n).padStart(4, '0')}`;
}

/** Deterministic pseudo-random bytes (xorshift32), so a binary fixture is the same on every run. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
