using Microsoft.AspNetCore.OutputCaching;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// The in-memory output cache store with one guard: a page whose request began before an eviction is not stored.
/// Without it a reader could read the store just before a write commits, the write evict, and the reader then store
/// the old page after the eviction, to be served until it expires. Every eviction moves <see cref="Generation"/>;
/// a request notes the generation it began in (<see cref="AnonymousPagePolicy"/>) and is stored only if it is still
/// current, checked and stored under the same lock an eviction takes.
/// </summary>
internal sealed class EvictionAwareStore(IOutputCacheStore inner, IHttpContextAccessor requests) : IOutputCacheStore, IDisposable
{
    private static readonly object BeganInKey = new();

    private readonly SemaphoreSlim _gate = new(1, 1);

    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public static void NoteBeginning(HttpContext context, long generation) => context.Items[BeganInKey] = generation;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _generation);
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (requests.HttpContext?.Items[BeganInKey] is long began && began != Generation)
            {
                return; // an eviction happened while this page was being made: it may show what the write changed
            }
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
