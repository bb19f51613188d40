using System.Security.Cryptography;
using System.Text;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Accounts;

/// <summary>A session just begun or renewed: the refresh token in clear (only its hash is stored) and its expiry.</summary>
public sealed record SessionGrant(User User, string SessionId, string RefreshToken, DateTime RefreshExpiresAt, int RefreshExpiresIn);

/// <summary>
/// Sessions and their refresh tokens. A refresh token is used once: refreshing spends it and hands out its successor;
/// presenting a spent one again means two parties hold it, so the whole session is revoked.
/// </summary>
public sealed class SessionStore(JobsDbContext db, SessionCache cache, IOptions<AuthOptions> options, TimeProvider clock, ILogger<SessionStore> logger)
{
    public async Task<SessionGrant> StartAsync(User user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession { Id = NewSecret(16), UserId = user.Id, SecurityStamp = user.SecurityStamp, CreatedAt = now };
        db.Sessions.Add(session);
        var (token, raw) = NewRefreshToken(user.Id, session.Id, now);
        db.RefreshTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new SessionGrant(user, session.Id, raw, token.ExpiresAt, (int)(token.ExpiresAt - now).TotalSeconds);
    }

    /// <summary>The renewed session, or null when the refresh token is unknown, spent, revoked or expired, or the user's stamp moved on.</summary>
    public async Task<SessionGrant?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.SpentAt is not null)
        {
            logger.LogWarning("Spent refresh token {TokenId} presented again; revoking session {SessionId}", token.Id, token.SessionId);
            await RevokeAsync(token.SessionId, cancellationToken);
            return null;
        }

        if (token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == token.SessionId, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (session is null || session.RevokedAt is not null || user is null
            || !string.Equals(session.SecurityStamp, user.SecurityStamp, StringComparison.Ordinal))
        {
            return null;
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        // Spent only if nobody spent it first: of two parallel refreshes with one token exactly one wins.
        var spent = await db.RefreshTokens.Where(t => t.Id == token.Id && t.SpentAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SpentAt, now), cancellationToken);
        if (spent == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            logger.LogWarning("Refresh token {TokenId} spent concurrently; revoking session {SessionId}", token.Id, token.SessionId);
            await RevokeAsync(token.SessionId, cancellationToken);
            return null;
        }

        var (next, raw) = NewRefreshToken(user.Id, session.Id, now);
        db.RefreshTokens.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplacedById, next.Id), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new SessionGrant(user, session.Id, raw, next.ExpiresAt, (int)(next.ExpiresAt - now).TotalSeconds);
    }

    /// <summary>Ends one session: its access tokens fail at once and its refresh tokens are revoked.</summary>
    public async Task RevokeAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
            await db.RefreshTokens.Where(t => t.SessionId == sessionId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        cache.ForgetSession(sessionId);
    }

    private (RefreshToken Token, string Raw) NewRefreshToken(long userId, string sessionId, DateTime now)
    {
        var raw = NewSecret(32);
        return (new RefreshToken
        {
            UserId = userId,
            SessionId = sessionId,
            TokenHash = Hash(raw),
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.RefreshTokenLifetimeDays),
        }, raw);
    }

    public static string Hash(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

    private static string NewSecret(int bytes) => Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
