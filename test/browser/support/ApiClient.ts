import { expect, request, type APIRequestContext } from '@playwright/test';

/**
 * The API as a script would use it, for what a test sets up or checks
 * outside the screens (a referral addressed to another organisation, an
 * account to lock). Signs in through POST /auth/login (the cookie the console
 * uses) and sends GraphQL as the console does: JSON, same Origin.
 */
export class ApiClient {
  private constructor(
    private readonly http: APIRequestContext,
    readonly baseURL: string,
  ) {}

  static async signIn(baseURL: string, login: string, password: string): Promise<ApiClient> {
    const http = await request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
    const response = await http.post('/auth/login', { data: { login, password } });
    expect(response.status(), `POST /auth/login as ${login}: ${await response.text()}`).toBe(200);
    return new ApiClient(http, baseURL);
  }

  /** Runs one GraphQL operation; fails the test on a transport error or any GraphQL error. */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.http.post('/graphql', { data: { query, variables } });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    expect(body.errors ?? [], `GraphQL errors for ${query.slice(0, 80)}`).toEqual([]);
    expect(response.status()).toBe(200);
    return body.data as T;
  }

  async dispose(): Promise<void> {
    await this.http.dispose();
  }
}
