namespace Jobs.Core.ChangeLog;

/// <summary>What an <see cref="IndexChange"/> names: a row whose search-index copy must be brought up to date.</summary>
public enum IndexChangeKind
{
    Posting = 1,
    Resume = 2,
}

/// <summary>
/// One line of the ordered change log every API node follows to keep its own search index current. Written in the same
/// transaction as the change it names; the id orders changes, never a timestamp (clocks differ between machines).
/// </summary>
public sealed class IndexChange
{
    public long Id { get; set; }

    public IndexChangeKind Kind { get; set; }

    public long EntityId { get; set; }

    /// <summary>When the change was written; only pruning reads it.</summary>
    public DateTime At { get; set; }
}
