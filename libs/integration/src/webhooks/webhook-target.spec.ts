import { isPrivateAddress, resolveWebhookTarget, WebhookTargetError } from './webhook-target.js';

describe('webhook target check', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    '2002:7f00:1::',
    'ff02::1',
    'not an address',
  ])('should count %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '172.15.255.255',
    '192.169.0.1',
    '100.128.0.1',
    '2a00:1450:4010:c05::64',
    '2001:db9::1',
  ])('should count %s as public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('should refuse a host when any one of its addresses is private', async () => {
    const resolve = () =>
      Promise.resolve([
        { address: '93.184.216.34', family: 4 },
        { address: 'fd00::1', family: 6 },
      ]);
    await expect(resolveWebhookTarget(new URL('https://mixed.example/hook'), false, resolve)).rejects.toThrow(
      new WebhookTargetError('the host mixed.example resolves to a private, loopback or link-local address (fd00::1)'),
    );
    await expect(resolveWebhookTarget(new URL('https://mixed.example/hook'), true, resolve)).resolves.toHaveLength(2);
  });

  it('should check an address literal without resolving, IPv6 in brackets too', async () => {
    const resolve = () => Promise.reject(new Error('not called'));
    await expect(resolveWebhookTarget(new URL('http://[::1]:8080/x'), false, resolve)).rejects.toThrow(
      WebhookTargetError,
    );
    await expect(resolveWebhookTarget(new URL('http://127.0.0.1:8080/x'), false, resolve)).rejects.toThrow(
      WebhookTargetError,
    );
    await expect(resolveWebhookTarget(new URL('https://93.184.216.34/x'), false, resolve)).resolves.toEqual([
      { address: '93.184.216.34', family: 4 },
    ]);
  });

  it('should refuse a host that does not resolve', async () => {
    const resolve = () => Promise.reject(new Error('ENOTFOUND'));
    await expect(resolveWebhookTarget(new URL('https://nowhere.invalid/'), true, resolve)).rejects.toThrow(
      'the host nowhere.invalid does not resolve',
    );
  });
});
