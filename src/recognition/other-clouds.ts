/**
 * Signs of other clouds' APIs. A record whose error carries one of these and
 * no sign of a catalog vendor is another cloud's error: it is set aside and
 * counted apart, never attributed to a vendor. Literal texts, searched as is.
 */
export const OTHER_CLOUD_SIGNS: readonly { cloud: string; signs: readonly string[] }[] = [
  { cloud: 'aws', signs: ['amazonaws.com', 'x-amz-request-id', 'x-amz-id-2', '@aws-sdk/', 'aws-sdk-go', 'botocore', 'com.amazonaws', 'S3ServiceException'] },
  { cloud: 'azure', signs: ['x-ms-request-id', '.windows.net', 'management.azure.com', '@azure/', 'azure.core.exceptions', 'RequestFailedException', 'azure', 'Azure'] },
  { cloud: 'google', signs: ['googleapis.com', 'google.api_core', 'com.google.api', 'google.golang.org/api', 'googleapi: Error'] },
];

/**
 * The other cloud a text names, or null: the sign found earliest wins.
 * @example findOtherCloud('PUT https://b.s3.amazonaws.com/k 403 AccessDenied') // 'aws'
 */
export function findOtherCloud(text: string): string | null {
  let best: { at: number; cloud: string } | null = null;
  for (const { cloud, signs } of OTHER_CLOUD_SIGNS) {
    for (const sign of signs) {
      const at = text.indexOf(sign);
      if (at >= 0 && (!best || at < best.at)) best = { at, cloud };
    }
  }
  return best?.cloud ?? null;
}
