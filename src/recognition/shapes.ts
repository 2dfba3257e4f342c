import type { Vendor } from '../types.js';
import { anchorTest, anyCaseAnchors } from './anchor-test.js';
import { STRENGTH, type Strength } from './evidence.js';
import {
  ACTION,
  ALIBABA_PHP_ERROR,
  ALIYUN_JAVA_ERROR,
  ALIYUN_PY_CLIENT_CODE,
  ALIYUN_PY_ERROR,
  BRACKETED_SDK_CODE,
  HTTP_STATUS,
  INSPECTED_REQUEST_ID,
  JAVA_SDK_CODE_HEAD,
  LABELLED_CODE,
  GLUED_REQUEST_ID,
  LABELLED_REQUEST_ID,
  MESSAGE_LABEL,
  POP_ERROR_NAME,
  SDK_ERROR_TEXT,
  SDK_EXCEPTION_HEADER,
  TEA_MESSAGE_START,
  TENCENT_CPP_ERROR,
  TENCENT_PYTHON_REPR,
  TROUBLESHOOT_URL,
  XML_ERROR_CODE,
  XML_SUCCESS_REQUEST_ID,
} from './patterns.js';
import type { ScanState } from './scan-state.js';
import { TSLOG_STACK_MARK } from './find-tslog-errors.js';
import {
  readAliyunPyError,
  readEmbeddedBodies,
  readInspectedSuccess,
  readJavaSdkError,
  readJavaSdkMessage,
  readLabelledRequestIds,
  readPopCoreMessage,
  readPopCoreUrlMark,
  readPattern,
  readPhpClientErrors,
  readPhpCoreErrors,
  readPopErrorNames,
  readPyClientCode,
  readRubyCoreErrors,
  readRubySdkExceptions,
  readSdkErrorText,
  readSdkExceptionHeader,
  readSdkMessage,
  readTeaErrors,
  readTencentNodeStack,
  readTeaMessage,
  readTslogErrors,
  readXmlErrors,
  readXmlSuccess,
} from './shape-readers.js';

/** What a group of a shape's pattern holds. */
export type ShapeField = 'code' | 'requestId' | 'status' | 'message' | 'action';

/**
 * How strong a code found by a shape is (see STRENGTH): fixed, or by where
 * it stands — `placed`: the SDK's own from an SDK error text on, else paired
 * beside a RequestId, else labelled; `beside-id`: paired or labelled. Null:
 * the shape finds no code.
 */
export type ShapeStrength = Strength | 'placed' | 'beside-id' | 'by-reader' | null;

/** One shape of text recognition knows: one row of SHAPES. */
export interface Shape {
  /** Kebab-case, unique: how tests and docs name it. */
  name: string;
  /** Who writes it, and what it says of the vendor and product (the catalog's markers and hosts in the text say the rest). */
  evidence: string;
  /**
   * Literal texts, at least one of which every text of this shape holds;
   * compared in any case when `anyCase`. A text holding none is not read
   * for this shape.
   */
  anchors: readonly string[];
  anyCase: boolean;
  /**
   * The words that open the gates for this shape (CANDIDATE_TEXT,
   * EVENT_GATE: see candidate-gate.ts), compared in any case: each anchor
   * holds one of them. Short, and shared with other shapes, because a text
   * the gates admit is read for every shape: a text that says `error` is
   * read for the action or status it names. A shape without words is read
   * only in a text that holds another shape's: one that only adds to an
   * error (a status, an action, a message), or one whose texts are logged
   * beside such words (a Recommend URL, pop-core's message).
   */
  words: readonly string[];
  /** The pattern the shape is found with (null: its reader searches with literals). */
  pattern: RegExp | null;
  /** What each group of the pattern holds. */
  groups: Partial<Record<ShapeField, number>>;
  strength: ShapeStrength;
  /** Texts of this shape as they are logged: the property tests hold every gate and anchor to them. */
  examples: readonly string[];
  /** Adds what the shape finds in the text to the state's evidence (readPattern: the pattern's groups). */
  read: (state: ScanState, shape: Shape) => void;
  /**
   * The vendor and product the shape's texts are errors of, where the shape
   * itself says so: a user catalog's shapes declare them (user-shape.ts);
   * the built-in shapes leave it to the catalog's markers and hosts.
   */
  declares?: { vendor: Vendor; product: string | null };
}

/**
 * Every shape scanText looks for, in the order it reads them: a text is
 * read for each shape whose anchors it holds. The order matters where one
 * shape's finding changes another's: the SDK error texts and the labelled
 * RequestIds come before the codes they place and pair, and a finding read
 * earlier wins a tie. Adding a shape is adding a row here (and its pattern to
 * patterns.ts, its fixtures to fixtures/shapes/): see docs/catalog.md.
 */
export const SHAPES: readonly Shape[] = [
  {
    name: 'embedded-body',
    evidence: "a response body inside a text (Alibaba's with its HostId or Recommend URL, Tencent's `Response`); walked as JSON",
    anchors: ['"Response"', '"RequestId"', '"Code"', '"requestId"', '"code"', '"Error"'],
    anyCase: false,
    words: [],
    pattern: null,
    groups: {},
    strength: STRENGTH.body,
    examples: [
      'response: {"RequestId":"0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Code":"InstanceNotFound","Message":"Failed to find the instance."}',
      'body={"Response":{"Error":{"Code":"ResourceNotFound.Instance","Message":"The instance does not exist."},"RequestId":"8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f"}}',
    ],
    read: readEmbeddedBodies,
  },
  {
    name: 'sdk-error-text',
    evidence: "an SDK's error class (tencentcloud-sdk-*, Tea, aliyun-java-sdk-core, Go's SDK.ServerError): a RequestId beside it is an error's",
    anchors: ['Exception', 'SDKError', 'SDK.ServerError'],
    anyCase: false,
    words: ['exception', 'error'],
    pattern: SDK_ERROR_TEXT,
    groups: {},
    strength: null,
    examples: ['[TencentCloudSDKError] Code=InternalError, Message=Internal error., RequestId=0d5e3a8c-7b1f-4e2a-9c6d-5f4e3d2c1b0a'],
    read: readSdkErrorText,
  },
  {
    name: 'pop-core-url-mark',
    evidence: "@alicloud/pop-core's `, URL: ` after an API error's message (Alibaba)",
    anchors: [', URL: '],
    anyCase: false,
    words: [],
    pattern: null,
    groups: {},
    strength: null,
    examples: ['InstanceNotFoundError: Failed to find the instance., URL: https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=ListGroupId'],
    read: readPopCoreUrlMark,
  },
  {
    name: 'labelled-request-id',
    evidence: '`RequestId=…`, `request id: …`, `x-acs-request-id: …`, `请求ID：…`: any vendor, told apart by the id\'s case',
    anchors: ['request', '请求id', '请求 id'],
    anyCase: true,
    words: ['request', '请求id', '请求 id'],
    pattern: LABELLED_REQUEST_ID,
    groups: { requestId: 1 },
    strength: null,
    examples: [
      'publish failed RequestId=8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f',
      'x-acs-request-id: 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E',
      '创建Topic失败，请求ID：8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f',
      'requestId：8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f',
      '{"RequestId"=>"0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E", "Code"=>"InstanceNotFound"}',
      '    [RequestId] => 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E',
    ],
    read: readLabelledRequestIds,
  },
  {
    name: 'glued-request-id',
    evidence: "tencentcloud-sdk-dotnet's TencentCloudSDKException.ToString(): `message：code:X message:… requestId<id>`, the id right after the word (any vendor, told apart by the id's case)",
    anchors: ['requestId'],
    anyCase: false,
    words: ['request'],
    pattern: GLUED_REQUEST_ID,
    groups: { requestId: 1 },
    strength: null,
    examples: ['message：code:ResourceNotFound.Instance message:The instance does not exist.  requestId8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f'],
    read: readLabelledRequestIds,
  },
  {
    name: 'labelled-code',
    evidence: '`Code=X`, `code: X`, `ErrorCode: X`, `"Code":"X"`, escaped JSON too, `错误码：X`, a printed hash\'s `"Code"=>"X"`: any vendor',
    anchors: ['code', '错误码', '错误代码', '错误编码'],
    anyCase: true,
    words: ['code', '错误码', '错误代码', '错误编码'],
    pattern: LABELLED_CODE,
    groups: { code: 2 },
    strength: 'placed',
    examples: [
      '[TencentCloudSDKError] Code=ResourceNotFound.Instance, Message=The instance does not exist.',
      'error_code=InvalidParameter',
      '创建Topic失败，错误码：ResourceNotFound.Instance，错误信息：实例不存在',
      '调用失败, 错误代码为: InstanceNotFound',
      'code：LimitExceeded',
      '{"RequestId"=>"0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E", "Code"=>"InstanceNotFound"}',
      "    [Code] => InstanceNotFound",
      "  'Code' => 'InstanceNotFound',",
    ],
    read: readPattern,
  },
  {
    name: 'tea-error',
    evidence: "Darabonba/Tea's `<Code>: code: <status>, <msg> request id: <ID>` (Alibaba's newer SDKs)",
    anchors: ['code: '],
    anyCase: false,
    words: ['code'],
    pattern: null,
    groups: {},
    strength: STRENGTH.sdk,
    examples: ['InstanceNotFound: code: 404, Failed to find the instance. request id: 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E'],
    read: readTeaErrors,
  },
  {
    name: 'aliyunsdkcore-server-error',
    evidence: "aliyunsdkcore's (Python) `HTTP Status: 400 Error:<Code> <msg> RequestID: <ID>` (Alibaba)",
    anchors: [' Error:'],
    anyCase: false,
    words: ['error'],
    pattern: ALIYUN_PY_ERROR,
    groups: { status: 1, code: 2 },
    strength: STRENGTH.sdk,
    examples: ['HTTP Status: 404 Error:InstanceNotFound Failed to find the instance. RequestID: 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E'],
    read: readAliyunPyError,
  },
  {
    name: 'aliyun-java-sdk-error',
    evidence: "aliyun-java-sdk-core's `ClientException: <Code> : <msg>` / `ServerException: …` (Alibaba)",
    anchors: ['Exception: '],
    anyCase: false,
    words: ['exception'],
    pattern: ALIYUN_JAVA_ERROR,
    groups: { code: 1 },
    strength: STRENGTH.sdk,
    examples: ['com.aliyuncs.exceptions.ClientException: InstanceNotFound : Failed to find the instance.'],
    read: readJavaSdkError,
  },
  {
    name: 'alibaba-php-sdk-error',
    evidence: "alibabacloud/client's (PHP) `AlibabaCloud\\Client\\Exception\\ServerException: <Code>: <msg> RequestId: <id>`, as written or as Monolog writes an exception (Alibaba)",
    anchors: ['ServerException', 'ClientException'],
    anyCase: false,
    words: ['exception'],
    pattern: ALIBABA_PHP_ERROR,
    groups: { code: 1 },
    strength: STRENGTH.sdk,
    examples: ['AlibabaCloud\\Client\\Exception\\ServerException: InstanceNotFound: Specified instance does not exist. RequestId: 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E GET "https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=ListGroupId" 404'],
    read: readPattern,
  },
  {
    name: 'aliyun-php-core-error',
    evidence: "aliyun-php-sdk-core's (PHP, before alibabacloud/client) ServerException: `<Code> <msg> HTTP Status: <status> RequestID: <id>`, after its class or as an application logged its message (Alibaba)",
    anchors: [' RequestID: '],
    anyCase: false,
    words: ['request'],
    pattern: null,
    groups: {},
    strength: null,
    examples: ['PHP Fatal error:  Uncaught ServerException: InstanceNotFound Failed to find the instance. HTTP Status: 404 RequestID: 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E in /var/www/vendor/aliyun-php-sdk-core/DefaultAcsClient.php:108'],
    read: readPhpCoreErrors,
  },
  {
    name: 'alibaba-php-client-message',
    evidence: "alibabacloud/client's (PHP) ServerException message logged without its class, `<Code>: <msg> RequestId: <id> <METHOD> \"<uri>\" <status>` (`Log::error($e->getMessage())`): the tail is the SDK's, the code the word before a `: ` the catalog knows (Alibaba)",
    anchors: [' RequestId: '],
    anyCase: false,
    words: ['request'],
    pattern: null,
    groups: {},
    strength: STRENGTH.sdk,
    examples: ['[2026-11-22 09:55:20] production.ERROR: InstanceNotFound: Specified instance does not exist. RequestId: 5B8A1C2D-3E4F-5A6B-7C8D-9E0F1A2B3C4D GET "https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=ListGroupId" 404'],
    read: readPhpClientErrors,
  },
  {
    name: 'aliyun-java-sdk-message',
    evidence: "aliyun-java-sdk-core's message alone: `<Code> : <msg>`, then `RequestId : <ID>` on the next line (Alibaba)",
    anchors: ['\nRequestId : '],
    anyCase: false,
    words: ['request'],
    pattern: JAVA_SDK_CODE_HEAD,
    groups: { code: 1 },
    strength: STRENGTH.sdk,
    examples: ['InstanceNotFound : Failed to find the instance.\nRequestId : 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E'],
    read: readJavaSdkMessage,
  },
  {
    name: 'tencent-cpp-error',
    evidence: "tencentcloud-sdk-cpp's `Error::PrintAll()`: `RequestId=<id>, ErrorCode=<code>, ErrorMessage=…`, its RequestId before its code, and empty for the client's own errors (Tencent)",
    anchors: [', ErrorCode='],
    anyCase: false,
    words: ['code'],
    pattern: TENCENT_CPP_ERROR,
    groups: { requestId: 1, code: 2 },
    strength: STRENGTH.sdk,
    examples: [
      'DescribeTopic failed: RequestId=8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f, ErrorCode=ResourceNotFound.Topic, ErrorMessage=The topic does not exist.',
      "RequestId=, ErrorCode=ClientError.NetworkError, ErrorMessage=Couldn't connect to server",
    ],
    read: readPattern,
  },
  {
    name: 'tencent-python-repr',
    evidence: "tencentcloud-sdk-python's exception as repr() writes it: `TencentCloudSDKException('<code>', '<message>', '<RequestId>')`, the arguments it was raised with (Tencent)",
    anchors: ['TencentCloudSDKException('],
    anyCase: false,
    words: ['exception'],
    pattern: TENCENT_PYTHON_REPR,
    groups: { code: 1, requestId: 2 },
    strength: STRENGTH.sdk,
    examples: [
      "Task fleet.tasks.sync raised unexpected: TencentCloudSDKException('ResourceNotFound.Topic', 'The topic does not exist.', '08d64ad3-5cd0-42f1-9243-6d8f5d5878c3')",
      "failed: TencentCloudSDKException('ClientNetworkError', \"HTTPSConnectionPool(host='mqtt.tencentcloudapi.com', port=443): Read timed out.\", None)",
    ],
    read: readPattern,
  },
  {
    name: 'bracketed-sdk-code',
    evidence: "alibaba-cloud-sdk-go's ClientError: `[SDK.TimeoutError] …` (Alibaba)",
    anchors: ['[SDK.'],
    anyCase: false,
    words: ['sdk.'],
    pattern: BRACKETED_SDK_CODE,
    groups: { code: 1 },
    strength: STRENGTH.sdk,
    examples: ['[SDK.TimeoutError] The request timed out'],
    read: readPattern,
  },
  {
    name: 'aliyunsdkcore-client-code',
    evidence: "aliyunsdkcore's (Python) client error `ClientException: SDK.HttpError …`, or its `SDK.X` after an application's colon (Alibaba)",
    anchors: [': SDK.'],
    anyCase: false,
    words: ['sdk.'],
    pattern: ALIYUN_PY_CLIENT_CODE,
    groups: { code: 2 },
    strength: 'by-reader',
    examples: ['aliyunsdkcore.acs_exception.exceptions.ClientException: SDK.HttpError HTTPSConnectionPool(host=onsmqtt.cn-hangzhou.aliyuncs.com)'],
    read: readPyClientCode,
  },
  {
    name: 'troubleshoot-url',
    evidence: "Alibaba's Recommend URL, `https://api.aliyun.com/troubleshoot?q=<Code>&product=…`",
    anchors: ['troubleshoot?q='],
    anyCase: false,
    words: [],
    pattern: TROUBLESHOOT_URL,
    groups: { code: 1 },
    strength: 'beside-id',
    examples: ['Recommend: https://api.aliyun.com/troubleshoot?q=InstanceNotFound&product=OnsMqtt'],
    read: readPattern,
  },
  {
    name: 'sdk-exception-header',
    evidence: 'a vendor SDK exception heading a line (`TencentCloudSDKException: …`, `TeaException: …`): the API answered, unless a transport failure is in sight',
    anchors: ['Exception: '],
    anyCase: false,
    words: ['exception'],
    pattern: SDK_EXCEPTION_HEADER,
    groups: {},
    strength: null,
    examples: ['com.tencentcloudapi.common.exception.TencentCloudSDKException: The instance does not exist.'],
    read: readSdkExceptionHeader,
  },
  {
    name: 'ruby-sdk-exception',
    evidence: "tencentcloud-sdk-ruby's exception as Ruby prints it, `<message> (TencentCloud::Common::TencentCloudSDKException)` (Logger, an uncaught exception) or Rails' `… (<message>):`: the API answered; its message names the code where the catalog lists it (Tencent; the code and RequestId are only in its `to_s`)",
    anchors: ['TencentCloud::Common::TencentCloudSDKException'],
    anyCase: false,
    words: ['exception'],
    pattern: null,
    groups: {},
    strength: null,
    examples: ["E, [2026-11-22T09:44:34.123456 #7] ERROR -- : The number of requests exceeds the frequency limit. (TencentCloud::Common::TencentCloudSDKException)"],
    read: readRubySdkExceptions,
  },
  {
    name: 'ruby-core-error',
    evidence: "aliyunsdkcore's (Ruby) StandardError as Ruby prints it, `<Message>, URL: /?<query> (StandardError)` (Logger, an uncaught exception) or Rails' `StandardError (<Message>, URL: …):`, the query with its Action and Version: the API answered; its message names the code where the catalog lists it (Alibaba)",
    anchors: ['StandardError'],
    anyCase: false,
    words: ['error'],
    pattern: null,
    groups: {},
    strength: null,
    examples: ['E, [2026-11-22T10:40:00.870000 #7] ERROR -- : The specified GroupId already exists., URL: /?Action=CreateGroupId&Format=JSON&Version=2020-04-20 (StandardError)'],
    read: readRubyCoreErrors,
  },
  {
    name: 'tencent-node-stack',
    evidence: "tencentcloud-sdk-nodejs's exception logged by its stack: `Error: <message>` (or the message alone, as consola writes it), its first frame the SDK's `parseResponse`, where an error answer is thrown (Tencent; the code and RequestId are properties the stack leaves out)",
    anchors: ['Error: ', 'Exception: ', '.parseResponse ('],
    anyCase: false,
    words: ['error', 'exception', 'parseresponse'],
    pattern: null,
    groups: {},
    strength: null,
    examples: [
      'Error: Signature expired. Timestamp and server time cannot differ by more than five minutes. Please ensure your current local time matches the standard time.\n    at CommonClient.parseResponse (/app/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js:268:37)',
      '[warn] describe failed Signature expired. Timestamp and server time cannot differ by more than five minutes. Please ensure your current local time matches the standard time.\n  at CommonClient.parseResponse (node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js:268:37)',
    ],
    read: readTencentNodeStack,
  },
  {
    name: 'tslog-pretty-error',
    evidence: "tslog's pretty output of an error: ` <name>  <message>, <value>, …` before `error stack:`, the error's own properties as bare values; a value the catalog lists as a code, paired with a UUID among them",
    anchors: [TSLOG_STACK_MARK],
    anyCase: false,
    words: ['error'],
    pattern: null,
    groups: {},
    strength: 'by-reader',
    examples: [' Error  The instance does not exist., 8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a, 9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b, ResourceNotFound.Instance\nerror stack:\n  • abstract_client.js\tCommonClient.parseResponse'],
    read: readTslogErrors,
  },
  {
    name: 'pop-core-error-name',
    evidence: "@alicloud/pop-core's `<Code>Error: …` (the SDK's own beside its `, URL: `); elsewhere a class name that suggests a code",
    anchors: ['Error: ', 'Error]: '],
    anyCase: false,
    words: ['error'],
    pattern: POP_ERROR_NAME,
    groups: { code: 1 },
    strength: 'by-reader',
    examples: ['InstanceNotFoundError: Failed to find the instance., URL: https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=ListGroupId'],
    read: readPopErrorNames,
  },
  {
    name: 'xml-error-body',
    evidence: "an XML error body: the Alibaba OpenAPI's (its default format) or OSS's with an Alibaba HostId, COS's without one, S3's (another cloud's) with another",
    anchors: ['<Error>'],
    anyCase: false,
    words: ['error'],
    pattern: XML_ERROR_CODE,
    groups: { code: 1 },
    strength: STRENGTH.body,
    examples: [
      '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>5F1C2D3E4A5B6C7D8E9F0A1B</RequestId></Error>',
      '<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>9823FD72-9A5D-4D3F-BA2C-F8238696A81C</RequestId><HostId>onsmqtt.cn-hangzhou.aliyuncs.com</HostId><Code>InstanceNotFound</Code><Message>Failed to find the instance.</Message></Error>',
    ],
    read: readXmlErrors,
  },
  {
    name: 'pop-core-message',
    evidence: "@alicloud/pop-core's `<Message>, URL: <url>`: an API's answer even when only the message is logged (Alibaba)",
    anchors: [', URL: http'],
    anyCase: false,
    words: [],
    pattern: null,
    groups: {},
    strength: null,
    examples: ['ListGroupId failed: Failed to find the instance., URL: https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=ListGroupId'],
    read: readPopCoreMessage,
  },
  {
    name: 'tea-message',
    evidence: "a Tea error text's message, `code: 400, <Message> request id: …` (Alibaba)",
    anchors: ['code: '],
    anyCase: false,
    words: ['code'],
    pattern: TEA_MESSAGE_START,
    groups: {},
    strength: null,
    examples: ['code: 400, The specified GroupId already exists. request id: 7A3C2B1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D'],
    read: readTeaMessage,
  },
  {
    name: 'sdk-message',
    evidence: "a Tencent SDK's `Message=<msg>, RequestId=…`, `message:<msg>  requestId:…` (Node's `[TencentCloudSDKException]message:`)",
    anchors: ['Message=', 'message:'],
    anyCase: false,
    words: [],
    pattern: MESSAGE_LABEL,
    groups: {},
    strength: null,
    examples: ['[TencentCloudSDKException]message:The instance does not exist.  requestId:8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f'],
    read: readSdkMessage,
  },
  {
    name: 'inspected-success',
    evidence: "an API's answer printed as a map (util.inspect, Python's repr, Ruby's inspect, PHP's var_export and print_r), PascalCase fields and a RequestId, no error: a success",
    anchors: ["RequestId: '", "RequestId': '", 'RequestId"=>"', 'RequestId" => "', "RequestId' => '", '[RequestId] => '],
    anyCase: false,
    words: ['request'],
    pattern: INSPECTED_REQUEST_ID,
    groups: { requestId: 1 },
    strength: null,
    examples: [
      "response: { TotalCount: 1, Data: [], RequestId: '507f4e71-0be7-4801-8404-fea997f910dc' }",
      "listed {'Data': [{'GroupId': 'GID_a'}], 'RequestId': '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E'}",
      'listed {"Data"=>[{"GroupId"=>"GID_a"}], "RequestId"=>"0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E"}',
      'listed {"Data" => [], "RequestId" => "0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E"}',
      "QueryToken: array (\n  'RequestId' => '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E',\n  'TokenStatus' => true,\n)",
      'QueryToken: Array\n(\n    [RequestId] => 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E\n    [TokenStatus] => 1\n)',
    ],
    read: readInspectedSuccess,
  },
  {
    name: 'xml-success-body',
    evidence: "an Alibaba OpenAPI answer in XML (its default format), `<…Response>` with its RequestId first and no error: a success",
    anchors: ['<RequestId>'],
    anyCase: false,
    words: ['request'],
    pattern: XML_SUCCESS_REQUEST_ID,
    groups: { requestId: 1 },
    strength: null,
    examples: ['<?xml version="1.0" encoding="UTF-8"?><QueryTokenResponse><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId><TokenStatus>true</TokenStatus></QueryTokenResponse>'],
    read: readXmlSuccess,
  },
  {
    name: 'http-status',
    evidence: '`HTTP Status: 400`, `StatusCode: 400`, `"statusCode":400`: which of a code\'s documented statuses the answer had',
    anchors: ['status'],
    anyCase: true,
    words: [],
    pattern: HTTP_STATUS,
    groups: { status: 1 },
    strength: null,
    examples: ['StatusCode: 400'],
    read: readPattern,
  },
  {
    name: 'action',
    evidence: "an API action, `Action=CreateGroupId`, `X-TC-Action: X`, `\"Action\":\"X\"`: the catalog's actions name the product",
    anchors: ['action'],
    anyCase: true,
    words: [],
    pattern: ACTION,
    groups: { action: 1 },
    strength: null,
    examples: ['https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=CreateGroupId&Format=JSON'],
    read: readPattern,
  },
];

/** The anchors of the shapes compared in any case, as one pattern per shape (listed for the regular-expression checks). */
export const ANY_CASE_ANCHORS: readonly RegExp[] = SHAPES.filter((s) => s.anyCase).map(anyCaseAnchors);

/** Per shape, in SHAPES' order: whether a text holds one of its anchors. */
export const HOLDS_ANCHOR: readonly ((text: string) => boolean)[] = SHAPES.map(anchorTest);
