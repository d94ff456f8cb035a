/**
 * A processor's handler for a job, found by the job's name in the processor's handler map (which its type makes name
 * every job of the queue). A name the map lacks is a job from a newer or older release: it fails, and BullMQ keeps it.
 */
export function handlerFor<Handlers extends object>(
  handlers: Handlers,
  queue: string,
  jobName: string,
): Handlers[keyof Handlers] {
  if (!Object.hasOwn(handlers, jobName)) throw new Error(`No ${queue} job named ${jobName}`);
  return handlers[jobName as keyof Handlers];
}
