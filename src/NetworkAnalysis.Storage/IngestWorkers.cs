using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace NetworkAnalysis.Storage;

/// <summary>An ingest's extraction threads: dedicated threads at a lower priority than the SQLite writer (#21), that map a batch's
/// items in chunks, each result stored at its item's index, so the output is in input order whatever thread ran it.</summary>
/// <remarks>
/// PLINQ ran extraction on the shared thread pool at the writer's priority: with the reader, two extraction threads and the writer
/// busy on two cores, the writer (the ingest's bottleneck) waited ~17 s of a 1M ingest in the run queue. These threads are niced
/// (<see cref="ThreadNice"/>), so the writer gets a core whenever it can run and extraction uses the rest. Jobs run in the order
/// they are started.
/// </remarks>
internal sealed class IngestWorkers : IDisposable
{
    /// <summary>The nice value of the extraction and reading threads while ingesting into SQLite (the writer stays at 0).</summary>
    public const int Nice = 19;

    private const int ChunkSize = 128;

    private readonly BlockingCollection<(Job Job, int Start, int End)> _chunks = new();
    private readonly Thread[] _threads;

    /// <summary>Starts <paramref name="threads"/> worker threads at nice <paramref name="nice"/>.</summary>
    public IngestWorkers(int threads, int nice)
    {
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(() => Run(nice)) { IsBackground = true, Name = "netan extract" };
            _threads[i].Start();
        }
    }

    /// <summary>Starts running <paramref name="body"/> for every index in [0, <paramref name="count"/>); <see cref="Job.Wait"/>
    /// returns when all have run (rethrowing the first failure).</summary>
    public Job Start(int count, Action<int> body)
    {
        var job = new Job(count, body);
        if (count == 0)
        {
            job.Finish();
        }

        for (var start = 0; start < count; start += ChunkSize)
        {
            _chunks.Add((job, start, Math.Min(count, start + ChunkSize)));
        }

        return job;
    }

    /// <summary>Maps <paramref name="items"/> through <paramref name="map"/> on the workers, results in input order.</summary>
    public TOut[] Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map)
    {
        var results = new TOut[items.Count];
        Start(items.Count, i => results[i] = map(items[i])).Wait();
        return results;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _chunks.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _chunks.Dispose();
    }

    private void Run(int nice)
    {
        ThreadNice.Lower(nice);
        foreach (var (job, start, end) in _chunks.GetConsumingEnumerable())
        {
            job.RunChunk(start, end);
        }
    }

    /// <summary>One started mapping.</summary>
    public sealed class Job
    {
        private readonly Action<int> _body;
        private readonly object _gate = new();
        private bool _done;
        private int _remaining;
        private ExceptionDispatchInfo? _failure;

        internal Job(int count, Action<int> body)
        {
            _body = body;
            _remaining = count;
        }

        /// <summary>Waits until every index has run; rethrows the first failure.</summary>
        public void Wait()
        {
            lock (_gate)
            {
                while (!_done)
                {
                    Monitor.Wait(_gate);
                }
            }

            _failure?.Throw();
        }

        internal void Finish()
        {
            lock (_gate)
            {
                _done = true;
                Monitor.PulseAll(_gate);
            }
        }

        internal void RunChunk(int start, int end)
        {
            if (Volatile.Read(ref _failure) is null)
            {
                try
                {
                    for (var i = start; i < end; i++)
                    {
                        _body(i);
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(ex), null);
                }
            }

            if (Interlocked.Add(ref _remaining, -(end - start)) == 0)
            {
                Finish();
            }
        }
    }
}
