using System.Collections.Concurrent;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web;

/// <summary>Open case connections shared by requests: a <see cref="CaseStore"/> is not thread-safe, so each request rents one.</summary>
/// <remarks>Opening a case runs an integrity check, which is slow on large cases; pooling pays it once per connection.</remarks>
internal sealed class CaseStorePool(WorkbenchOptions options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentBag<CaseStore> _idle = [];
    private int _disposed;

    public Lease Rent() => new(this, _idle.TryTake(out var store) ? store
        : options.ReadOnly ? CaseStore.OpenReadOnly(options.CasePath, time) : CaseStore.Open(options.CasePath, create: false, time));

    private void Return(CaseStore store)
    {
        if (Volatile.Read(ref _disposed) != 0 || _idle.Count >= 8)
        {
            store.Dispose();
            return;
        }

        _idle.Add(store);
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        while (_idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }

    /// <summary>A rented connection, returned on dispose.</summary>
    internal readonly struct Lease(CaseStorePool pool, CaseStore store) : IDisposable
    {
        public CaseStore Store => store;

        public void Dispose() => pool.Return(store);
    }
}
