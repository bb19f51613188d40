namespace Jobs.Core.Employers;

/// <summary>
/// One change of an employer's identity (name, unified social credit code, city): kept for good, so the employer, its
/// city's organisers and admins can tell who changed what, and when.
/// </summary>
public sealed class EmployerChange
{
    public long Id { get; set; }

    public long EmployerId { get; set; }

    /// <summary>One of <see cref="EmployerFields"/>: the request field's name.</summary>
    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    /// <summary>The signed-in user who made the change; null for the system (a background job, the command line).</summary>
    public long? ActorUserId { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>The identity fields whose changes are recorded, named as in the API.</summary>
public static class EmployerFields
{
    public const string Name = "name";
    public const string CreditCode = "creditCode";
    public const string City = "city";
}
