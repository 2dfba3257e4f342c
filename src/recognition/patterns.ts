/**
 * Every regular expression recognition uses, compiled once. Each is linear:
 * no nested quantifiers, no alternation under a repeat, bounded repeats where
 * a value is captured.
 */

/** The shape of an API error code: `InstanceNotFound`, `ResourceNotFound.Topic`, `InvalidParameter.%s`; always PascalCase. */
export const CODE_SHAPE = /^[A-Z][A-Za-z0-9_]{1,63}(?:\.[A-Za-z0-9_%]{1,64}){0,4}$/;
/** Exception class names (`com.aliyun.tea.TeaException`) are where codes stand in some texts, never codes. */
export const EXCEPTION_NAME = /(?:Exception|Throwable)$/;
/**
 * What a documented response body may name as its code (`{"Response":{"Error":{"Code":…}}}`):
 * any code-like word, lower-case or `__proto__` included, is counted as that body's code.
 */
export const BODY_CODE_SHAPE = /^[A-Za-z_][A-Za-z0-9_]{1,63}(?:\.[A-Za-z0-9_%]{1,64}){0,4}$/;

/** A RequestId: a UUID of either case, a vendor's older opaque id, or COS's base64 one with its `=` padding. */
export const REQUEST_ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9-]{7,63}={0,2}$/;
export const UUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/**
 * A labelled code in text: `Code=X`, `code:X`, `code: X`, `ErrorCode: X`,
 * `"Code":"X"`, `code: 'X'`, `error_code=X`, and the same inside escaped JSON
 * (`\"Code\":\"X\"`); labelled in Chinese (`错误码：X`, `错误代码为：X`) and
 * with a full-width colon (`code：X`), as applications written for these
 * vendors' home market log them; a printed hash or array's `=>` (Ruby's
 * `{"Code"=>"X"}`, PHP's print_r `[Code] => X` and var_export `'Code' => 'X'`). Group 1: the label, group 2: the value. Quotes before
 * the label need no pattern of their own: a quote is not a word character,
 * so the look-behind already lets a quoted label match. (Leaving them out
 * lets the engine start at the label's letters, several times faster.) A
 * URL's query parameter (`?code=…`, `&code=…`) is a request's, not an answer's.
 */
export const LABELLED_CODE =
  /(?<![A-Za-z0-9_?&-])(code|errorcode|error_code|error code|errcode|err_code|错误码|错误代码|错误编码)[为是]?[\\"'\]]{0,4}\s{0,3}[:=：]>?\s{0,3}[\\"']{0,4}([A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_%]{1,64}){0,4})/gi;

/**
 * A labelled RequestId: `RequestId=…`, `requestId:…`, `request id: …`,
 * `RequestID: …`, `RequestId : …`, `"RequestId":"…"`, `x-acs-request-id: …`,
 * `请求ID：…`, `requestId：…`, `"RequestId"=>"…"`, `[RequestId] => …` (a quoted
 * label matches through the look-behind, as in LABELLED_CODE).
 */
/**
 * A UUID written right after the word `requestId`, with nothing between:
 * tencentcloud-sdk-dotnet's TencentCloudSDKException.ToString() writes
 * `message：<message> requestId<RequestId>`.
 */
export const GLUED_REQUEST_ID = /(?<![A-Za-z0-9_])requestId([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})(?![A-Za-z0-9-])/g;
export const LABELLED_REQUEST_ID =
  /(?<![A-Za-z0-9_])(?:(?:x-acs-|x-tc-)?request[_ -]?id|请求 ?id)[为是]?[\\"'\]]{0,4}\s{0,3}[:=：]>?\s{0,3}[\\"']{0,4}([A-Za-z0-9][A-Za-z0-9-]{7,63}(?:={1,2}(?![A-Za-z0-9=]))?)/gi;

/** Darabonba/Tea's `<Code>: code: <status>, …` is found by find-tea-errors.ts, reading back from this mark. */
/** Where Tea's message starts: `code: 400, <Message> request id: <ID>` (also Java TeaException, without the code). */
export const TEA_MESSAGE_START = /code: \d{3}, /g;

/**
 * aliyunsdkcore's client-side error, `str(e)` = `<Code> <msg>`: after its class
 * (`ClientException: SDK.HttpError …`) or after an application's colon
 * (`ApplyToken failed: SDK.InvalidRegionId …`). Group 1: what precedes the code, group 2: the code.
 */
export const ALIYUN_PY_CLIENT_CODE = /(ClientException: |: )(SDK\.(?!ServerError\b)[A-Z][A-Za-z0-9]{1,63}) /;

/** aliyunsdkcore: `HTTP Status: 400 Error:<Code> <msg> RequestID: <ID>`. */
export const ALIYUN_PY_ERROR = /HTTP Status: (\d{3}) Error:([A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_%]{1,64}){0,4})/;

/**
 * alibabacloud/client (PHP): `AlibabaCloud\Client\Exception\ServerException: <Code>: <msg> RequestId: <id> …`,
 * or as Monolog writes an exception, `(AlibabaCloud\\Client\\Exception\\ServerException(code: 404): <Code>: …`.
 */
export const ALIBABA_PHP_ERROR =
  /AlibabaCloud\\{1,2}Client\\{1,2}Exception\\{1,2}(?:Client|Server)Exception(?:\(code: \d{1,3}\))?: ([A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_%]{1,64}){0,4}): /;

/** aliyun-java-sdk-core: `ClientException: <Code> : <msg>` / `ServerException: <Code> : <msg>`. */
export const ALIYUN_JAVA_ERROR =
  /(?:Client|Server)Exception: ([A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_%]{1,64}){0,4}) : /;

/** @alicloud/pop-core names its errors `<Code>Error`: `InstanceNotFoundError: …`, `Error [XError]: …`. */
export const POP_ERROR_NAME = /(?<![A-Za-z0-9_.])([A-Z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_]{1,64}){0,4})Error(?=: |\]: )/g;

/** What @alicloud/pop-core appends to an API error's message. */
export const POP_CORE_URL = ', URL: http';
/** The part of POP_CORE_URL that makes a text an SDK's error text, wherever it stands. */
export const POP_CORE_URL_MARK = ', URL: ';
/**
 * The SDKs' error classes that make a RequestId beside them an error:
 * tencentcloud-sdk-*'s, Tea's, aliyun-java-sdk-core's, alibaba-cloud-sdk-go's `SDK.ServerError`.
 */
export const SDK_ERROR_TEXT = /TencentCloudSDK(?:Exception|Error)|TeaException|SDKError|SDK\.ServerError|ServerException|ClientException/;

/** Tencent Node SDK's String(err): `[TencentCloudSDKException]message:<msg>  requestId:<id>`. */
export const TENCENT_NODE_MESSAGE_START = /\[TencentCloudSDKException\]message:/g;
/** Tencent Go/Python/Java texts carry `Message=` / `message:` before the RequestId. */
export const MESSAGE_LABEL = /Message=|message:/g;

/** An HTTP status the record shows: `HTTP Status: 400`, `StatusCode: 400`, `"statusCode":400`. */
export const HTTP_STATUS = /(?:http status|statuscode|status_code|http_status)["']?\s{0,3}[:=]\s{0,3}(\d{3})\b/i;

/** An API action: `Action=CreateGroupId` in a URL, `action: 'X'`, `X-TC-Action: X`, `"Action":"X"`. */
export const ACTION = /(?<![A-Za-z0-9_])(?:x-tc-|x-acs-)?action["']?\s{0,3}[:=]\s{0,3}["']?([A-Z][A-Za-z0-9]{2,63})\b/i;

/** Where a JSON object may start inside text: `{"`, also pretty-printed (`{\n   "`). */
export const EMBEDDED_OBJECT_START = /\{\s{0,16}"/g;

/**
 * An XML error body's code, whichever of the body's other fields come first:
 * object storage's `<Error><Code>NoSuchKey</Code>…`, and the Alibaba OpenAPI's
 * (its default format) `<Error><RequestId>…</RequestId><HostId>…</HostId><Code>…`.
 */
export const XML_ERROR_CODE =
  /<Error>(?:\s{0,16}<(?:RequestId|HostId|TraceId|Message|Recommend)>[^<]{0,1024}<\/(?:RequestId|HostId|TraceId|Message|Recommend)>){0,5}\s{0,16}<Code>([A-Za-z][A-Za-z0-9_.]{0,127})<\/Code>/g;
export const XML_ERROR_END = '</Error>';
export const XML_REQUEST_ID = /<RequestId>([A-Za-z0-9][A-Za-z0-9-]{7,63}={0,2})<\/RequestId>/;
export const XML_HOST_ID = /<HostId>([^<]{1,256})<\/HostId>/;
export const XML_MESSAGE = /<Message>([^<]{1,1024})<\/Message>/;
/**
 * An Alibaba OpenAPI answer in XML, its default format: the action's
 * `<…Response>` root with the RequestId first (AWS's XML answers put theirs
 * in `<ResponseMetadata>`, or spell it `requestId`).
 */
export const XML_SUCCESS_REQUEST_ID = /<[A-Z][A-Za-z0-9]{1,63}Response>\s{0,16}<RequestId>([A-Za-z0-9][A-Za-z0-9-]{7,63})<\/RequestId>/;
/** An S3 RequestId: 16 upper-case hex digits (Alibaba's and Tencent's are UUIDs or longer). */
export const S3_REQUEST_ID = /^[0-9A-F]{16}$/;

/**
 * tencentcloud-sdk-cpp's `Error::PrintAll()`: `RequestId=<id>, ErrorCode=<code>, ErrorMessage=<message>`, the
 * RequestId first and empty for an error the client raised itself (`RequestId=, ErrorCode=ClientError.NetworkError`).
 */
export const TENCENT_CPP_ERROR = /RequestId=([A-Za-z0-9][A-Za-z0-9-]{7,63})?, ErrorCode=([A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_]{1,64}){0,4}), ErrorMessage=/g;
/**
 * tencentcloud-sdk-python's exception as Python's repr() writes it (Celery's
 * `raised unexpected: %r`, an f-string's `{e!r}`): the class and the
 * arguments the SDK raised it with, `TencentCloudSDKException('<code>',
 * '<message>', '<RequestId>')`, each quoted as repr quotes it, None where
 * one is missing (a client's own error has no RequestId).
 */
export const TENCENT_PYTHON_REPR =
  /TencentCloudSDKException\('([A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_]{1,64}){0,4})', (?:'(?:[^'\\\n]|\\.){0,4096}'|"(?:[^"\\\n]|\\.){0,4096}"|None)(?:, (?:'([A-Za-z0-9][A-Za-z0-9-]{7,63})'|None))?\)/g;
/** alibaba-cloud-sdk-go's ClientError: `[SDK.TimeoutError] The request timed out…`. */
export const BRACKETED_SDK_CODE = /\[(SDK\.[A-Z][A-Za-z0-9]{1,63})\]/;
/** Alibaba's Recommend URL names the code: `https://api.aliyun.com/troubleshoot?q=<Code>&product=…`. */
export const TROUBLESHOOT_URL = /troubleshoot\?q=([A-Z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_]{1,64}){0,4})/;
/** aliyun-java-sdk-core's message: `<Code> : <msg>` then `RequestId : <ID>` on the next line. */
export const JAVA_SDK_MESSAGE_TAIL = '\nRequestId : ';
export const JAVA_SDK_CODE_HEAD = /(?:^|[\s:])([A-Z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z0-9_%]{1,64}){0,4}) : /;
/** A vendor SDK's exception class heading an exception line: `com.x.TencentCloudSDKException: <msg>`. */
export const SDK_EXCEPTION_HEADER = /(?:TencentCloudSDKException|TeaException|ServerException): (?!\[)/;
/** Signs that an exception is a transport failure, not an API answer. */
export const TRANSPORT_FAILURE = /java\.net\.|java\.io\.|IOException|UnknownHost|timed? ?out|refused|reset by peer|hang up|ECONN|EAI_AGAIN|ENOTFOUND/i;

/**
 * A RequestId as a runtime prints a map's field: util.inspect's `RequestId: '<id>'`, Python's repr of a dict
 * (`'RequestId': '<id>'`), Ruby's inspect of a hash (`"RequestId"=>"<id>"`, `"RequestId" => "<id>"` from 3.4 on),
 * PHP's var_export (`'RequestId' => '<id>'`) and print_r (`[RequestId] => <id>` ending its line) of an array.
 */
export const INSPECTED_REQUEST_ID = /(?<![\w$])(?:RequestId: '|'RequestId': '|"RequestId" ?=> ?"|'RequestId' => '|\[RequestId\] => )([A-Za-z0-9][A-Za-z0-9-]{7,63})(?:['"]|\r?$)/gm;

/**
 * A terminal escape sequence: OSC (`ESC ] … BEL` or `ESC ] … ESC \`, a hyperlink rich or `ls --hyperlink` writes
 * around a file name), CSI (`ESC [ … m`, colours and cursor moves) or a two-character escape.
 */
export const ANSI_ESCAPE = /\u001b(?:\][^\u0007\u001b]{0,2048}(?:\u0007|\u001b\\)|\[[0-9;:?]{0,32}[ -\/]{0,4}[@-~]|[@-Z\\-_])/g;

/** `ECONNRESET`, `ERR_X`: errno-style names are not API codes unless catalogued. */
export const ERRNO_STYLE = /^[A-Z0-9_]+$/;

/** Words that look like codes but are labels or prose. */
export const NOT_A_CODE = new Set([
  'Message', 'Error', 'Exception', 'Code', 'Data', 'Response', 'Request', 'RequestId', 'StatusCode',
  'None', 'null', 'undefined', 'true', 'false', 'True', 'False', 'NaN', 'Warning', 'Info', 'Debug',
  'Fatal', 'Type', 'Range', 'Reference', 'Syntax', 'Eval', 'URI', 'Aggregate', 'Internal', 'SDK',
  'Client', 'Server', 'Http', 'HTTP', 'Tea', 'Unknown', 'Failed', 'Success', 'OK', 'Ok',
]);
