/**
 * One answer for every failed login, so the login form cannot tell which emails have accounts: Payload says
 * "incorrect" for an unknown email or a wrong password but "locked" only for a real, locked account. Both
 * become the same 401 sentence, over REST and GraphQL (a global afterError hook sees both).
 */
import type { AfterErrorHook } from 'payload'

export const FAILED_LOGIN_MESSAGE =
  'The email or password is incorrect, or the account is locked for a while after too many attempts. / 邮箱或密码不正确，或因尝试次数过多账号暂时锁定。'

const LOGIN_ERRORS = new Set(['AuthenticationError', 'LockedAuth'])

export const sameAnswerForFailedLogins: AfterErrorHook = ({ error, graphqlResult }) => {
  const original = (error as { originalError?: Error }).originalError ?? error
  if (!LOGIN_ERRORS.has(original?.name ?? '')) return
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: FAILED_LOGIN_MESSAGE,
        extensions: { ...graphqlResult.extensions, name: 'AuthenticationError' },
      },
    }
  }
  return { response: { errors: [{ message: FAILED_LOGIN_MESSAGE }] }, status: 401 }
}
