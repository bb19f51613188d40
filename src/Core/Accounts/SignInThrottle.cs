using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Accounts;

public sealed class SignInThrottleOptions
{
    public const string Section = "Auth:Lockout";

    /// <summary>Sign-in attempts per email and rolling minute; more are refused before any hashing.</summary>
    [Range(1, 1000)]
    public int AttemptsPerMinute { get; set; } = 5;

    /// <summary>From this many consecutive failures on, the next attempt waits 2^(failures - this + 1) seconds.</summary>
    [Range(1, 100)]
    public int DelayAfterFailures { get; set; } = 3;

    [Range(1, 3600)]
    public int MaxDelaySeconds { get; set; } = 300;

    /// <summary>This many consecutive failures lock the account; every further failure locks it again.</summary>
    [Range(1, 1000)]
    public int LockoutAfterFailures { get; set; } = 10;

    [Range(1, 60 * 24)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Unknown emails are tracked in memory only; beyond this many, quiet ones are forgotten first.</summary>
    [Range(100, 10_000_000)]
    public int MaxTrackedEmails { get; set; } = 100_000;
}

/// <summary>Consecutive failures of one email: on the user row for accounts, in memory for unknown emails.</summary>
public readonly record struct SignInFailures(int Count, DateTime? LastFailureAt, DateTime? LockoutEnd);

/// <summary>
/// Per-email sign-in throttling. Attempts for one email run one at a time in this process (a lease), so parallel guesses
/// see each other's failures instead of all passing the same check; the check runs before the password hash is computed.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public SignInThrottleOptions Options => options.Value;

    public async Task<Lease> EnterAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_sync)
        {
            if (!_gates.TryGetValue(normalizedEmail, out gate!))
            {
                if (_gates.Count >= options.Value.MaxTrackedEmails)
                {
                    PruneLocked();
                }

                gate = new Gate();
                _gates[normalizedEmail] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(gate);
            throw;
        }

        return new Lease(this, gate);
    }

    /// <summary>Forgets what this process holds for the email (admin unlock).</summary>
    public void Reset(string normalizedEmail)
    {
        lock (_sync)
        {
            if (_gates.TryGetValue(normalizedEmail, out var gate))
            {
                lock (gate)
                {
                    gate.Attempts.Clear();
                    gate.Failures = default;
                }
            }
        }
    }

    /// <summary>How long to wait, or null when an attempt may go ahead.</summary>
    internal TimeSpan? RetryAfter(Gate gate, SignInFailures failures)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        TimeSpan? wait = null;
        if (failures.LockoutEnd is { } end && end > now)
        {
            wait = end - now;
        }

        if (failures.Count >= o.DelayAfterFailures && failures.LastFailureAt is { } last)
        {
            var exponent = Math.Min(failures.Count - o.DelayAfterFailures + 1, 20);
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, exponent), o.MaxDelaySeconds));
            var next = last + delay;
            if (next > now && (wait is null || next - now > wait))
            {
                wait = next - now;
            }
        }

        lock (gate)
        {
            while (gate.Attempts.Count > 0 && gate.Attempts.Peek() <= now - Window)
            {
                gate.Attempts.Dequeue();
            }

            if (gate.Attempts.Count >= o.AttemptsPerMinute)
            {
                var free = gate.Attempts.Peek() + Window - now;
                if (wait is null || free > wait)
                {
                    wait = free;
                }
            }

            if (wait is null)
            {
                gate.Attempts.Enqueue(now);
                gate.LastActivity = now;
            }
        }

        return wait;
    }

    /// <summary>The failures after one more, and whether the account locks now.</summary>
    public SignInFailures NextFailure(SignInFailures current)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var count = current.Count + 1;
        var lockout = count >= o.LockoutAfterFailures ? now.AddMinutes(o.LockoutMinutes) : current.LockoutEnd;
        return new SignInFailures(count, now, lockout);
    }

    private void Leave(Gate gate)
    {
        lock (_sync)
        {
            gate.Users--;
        }
    }

    private void PruneLocked()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quiet = TimeSpan.FromMinutes(Math.Max(options.Value.LockoutMinutes, 1) * 2);
        foreach (var (email, gate) in _gates.ToList())
        {
            if (gate.Users == 0 && gate.LastActivity < now - quiet && (gate.Failures.LockoutEnd is null || gate.Failures.LockoutEnd < now))
            {
                _gates.Remove(email);
            }
        }

        if (_gates.Count >= options.Value.MaxTrackedEmails)
        {
            // Still full of recent entries: drop the oldest half rather than grow without bound.
            foreach (var (email, _) in _gates.Where(g => g.Value.Users == 0).OrderBy(g => g.Value.LastActivity).Take(_gates.Count / 2).ToList())
            {
                _gates.Remove(email);
            }
        }
    }

    internal sealed class Gate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public Queue<DateTime> Attempts { get; } = new();

        /// <summary>Failures of an email that has no account.</summary>
        public SignInFailures Failures { get; set; }

        public DateTime LastActivity { get; set; }

        /// <summary>Leases held or waited for; guarded by the throttle's lock.</summary>
        public int Users { get; set; }
    }

    /// <summary>The right to make one attempt for one email; dispose to let the next one in.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly SignInThrottle _owner;
        private readonly Gate _gate;
        private bool _disposed;

        internal Lease(SignInThrottle owner, Gate gate)
        {
            _owner = owner;
            _gate = gate;
        }

        /// <summary>In-memory failures, for an email without an account.</summary>
        public SignInFailures UnknownEmailFailures => _gate.Failures;

        /// <summary>Null when the attempt may go ahead (and is counted); otherwise how long the caller must wait.</summary>
        public TimeSpan? Admit(SignInFailures failures) => _owner.RetryAfter(_gate, failures);

        public void RecordUnknownEmailFailure() => _gate.Failures = _owner.NextFailure(_gate.Failures);

        public void Succeeded()
        {
            lock (_gate)
            {
                _gate.Attempts.Clear();
                _gate.Failures = default;
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _gate.Turn.Release();
            _owner.Leave(_gate);
        }
    }
}
