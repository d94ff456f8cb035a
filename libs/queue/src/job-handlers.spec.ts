import { handlerFor } from './job-handlers.js';

describe('handlerFor', () => {
  const handlers = { 'scan-portfolio': () => 'daily' };

  it('should find the handler named by the job', () => {
    expect(handlerFor(handlers, 'portfolio-scans', 'scan-portfolio')()).toBe('daily');
  });

  it('should refuse a job its queue has no handler for, inherited names included', () => {
    expect(() => handlerFor(handlers, 'portfolio-scans', 'toString')).toThrow('No portfolio-scans job named toString');
    expect(() => handlerFor(handlers, 'portfolio-scans', 'scan-everything')).toThrow(
      'No portfolio-scans job named scan-everything',
    );
  });
});
