import { expect, test } from './fixtures';

test('first run opens the options page on its Welcome section', async ({ context, extensionId }) => {
  const url = `chrome-extension://${extensionId}/options.html`;
  await expect.poll(() => context.pages().some((p) => p.url() === url)).toBe(true);
  const options = context.pages().find((p) => p.url() === url)!;
  await expect(options.getByRole('heading', { name: 'Welcome to Papershelf' })).toBeVisible();
  await expect(options.getByText('Alt').first()).toBeVisible();
});
