using Jobs.Core.Common;
using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Accounts;

public sealed class SessionCacheOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How long a user's stamp and a session's state are kept in memory between database reads. Changes made in this
    /// process evict at once; other processes of the same deployment see them after at most this long. 0 turns caching off.
    /// </summary>
    [Range(0, 60)]
    public int SessionCacheSeconds { get; set; } = 10;
}

/// <summary>
/// Answers "is this access token still alive?" (the user's current stamp, the session not revoked) for every
/// authenticated request, from memory for a few seconds and from the database otherwise.
/// </summary>
public sealed class SessionCache
{
    private const string UserCache = "session-stamps";
    private const string SessionCache_ = "sessions";

    private readonly IMemoryCache cache;
    private readonly IOptions<SessionCacheOptions> options;
    private readonly NodeCacheEvents events;

    public SessionCache(IMemoryCache cache, IOptions<SessionCacheOptions> options, NodeCacheEvents events)
    {
        this.cache = cache;
        this.options = options;
        this.events = events;
        // A signed-out session or a rotated stamp must stop working on every node, not only the one that changed it.
        events.Register(UserCache, key => ForgetUserHere(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture)));
        events.Register(SessionCache_, ForgetSessionHere);
    }

    private sealed record StampKey(long UserId);

    private sealed record SessionKey(string SessionId);

    private sealed record SessionState(long UserId, bool Revoked);

    /// <summary>Moves on every eviction, so a read that raced with one does not put the old value back.</summary>
    private long _epoch;

    public async Task<bool> IsActiveAsync(JobsDbContext db, long userId, string stamp, string sessionId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(new StampKey(userId),
            () => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken));
        if (current is null || !CryptographicEquals(current, stamp))
        {
            return false;
        }

        var session = await GetAsync(new SessionKey(sessionId),
            () => db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new SessionState(s.UserId, s.RevokedAt != null)).SingleOrDefaultAsync(cancellationToken));
        return session is { Revoked: false } && session.UserId == userId;
    }

    /// <summary>Called after a user's stamp changed in this process.</summary>
    public void ForgetUser(long userId)
    {
        ForgetUserHere(userId);
        events.Publish(UserCache, userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void ForgetUserHere(long userId)
    {
        Interlocked.Increment(ref _epoch);
        cache.Remove(new StampKey(userId));
    }

    /// <summary>Called after a session was revoked in this process.</summary>
    public void ForgetSession(string sessionId)
    {
        ForgetSessionHere(sessionId);
        events.Publish(SessionCache_, sessionId);
    }

    private void ForgetSessionHere(string sessionId)
    {
        Interlocked.Increment(ref _epoch);
        cache.Remove(new SessionKey(sessionId));
    }

    private async Task<T?> GetAsync<T>(object key, Func<Task<T?>> load)
        where T : class
    {
        if (cache.TryGetValue(key, out T? hit))
        {
            return hit;
        }

        var epoch = Interlocked.Read(ref _epoch);
        var value = await load();
        var seconds = options.Value.SessionCacheSeconds;
        // A missing row is not cached: a user or session created a moment later must be found.
        if (value is not null && seconds > 0 && Interlocked.Read(ref _epoch) == epoch)
        {
            cache.Set(key, value, TimeSpan.FromSeconds(seconds));
        }

        return value;
    }

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}

/// <summary>
/// Rotates a user's security stamp whenever its password, role, city or employer is saved with a change, wherever in
/// the code that happens, and evicts the cached stamp once the change is saved, so old tokens stop working at once.
/// </summary>
public sealed class UserSecurityInterceptor(SessionCache sessions) : SaveChangesInterceptor
{
    private static readonly string[] Sensitive = [nameof(User.PasswordHash), nameof(User.Role), nameof(User.CityCode), nameof(User.EmployerId)];

    private readonly ConditionalWeakTable<DbContext, List<long>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Rotate(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Rotate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Evict(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Evict(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Evict(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Evict(eventData.Context);
        return Task.CompletedTask;
    }

    private void Rotate(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        List<long>? changed = null;
        foreach (var entry in context.ChangeTracker.Entries<User>())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            var stamp = entry.Property(u => u.SecurityStamp);
            var stampChanged = stamp.IsModified && !string.Equals(stamp.OriginalValue, stamp.CurrentValue, StringComparison.Ordinal);
            if (!stampChanged && Sensitive.Any(p => entry.Property(p).IsModified && !Equals(entry.Property(p).OriginalValue, entry.Property(p).CurrentValue)))
            {
                entry.Entity.RotateSecurityStamp();
                stampChanged = true;
            }

            if (stampChanged)
            {
                (changed ??= []).Add(entry.Entity.Id);
            }
        }

        if (changed is not null)
        {
            _pending.AddOrUpdate(context, changed);
        }
    }

    private void Evict(DbContext? context)
    {
        // Also on failure: evicting costs one extra read, keeping a stale entry could keep a dead token alive.
        if (context is not null && _pending.TryGetValue(context, out var ids))
        {
            _pending.Remove(context);
            foreach (var id in ids)
            {
                sessions.ForgetUser(id);
            }
        }
    }
}
