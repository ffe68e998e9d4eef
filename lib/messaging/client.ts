import { browser } from 'wxt/browser';
import type { ToBackground } from './protocol';
import { isErrorReply, type Replies } from './replies';

/** Sends a message to the background and returns its typed reply (throws on an error reply). */
export async function ask<T extends ToBackground>(msg: T): Promise<Replies[T['type']]> {
  const reply: unknown = await browser.runtime.sendMessage(msg);
  if (isErrorReply(reply)) throw new Error(reply.error);
  if (reply === undefined) throw new Error('Papershelf background did not answer');
  return reply as Replies[T['type']];
}
