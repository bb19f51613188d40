namespace Jobs.Core.Common;

/// <summary>
/// Named leases shared by every process on one store: the database on the embedded default, Redis when configured. A
/// lease expires on its own, so a process that dies holding one blocks the name only until the lease runs out.
/// </summary>
public interface IDistributedLockProvider
{
    /// <summary>The lease, or null at once when another holder has an unexpired lease on the name.</summary>
    Task<IDistributedLockHandle?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken cancellationToken);
}

/// <summary>A held lease; disposing releases it (only if this holder still has it).</summary>
public interface IDistributedLockHandle : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Extends the lease by its length from now; false when it was lost (it expired and another holder took it).</summary>
    Task<bool> RenewAsync(CancellationToken cancellationToken);
}
