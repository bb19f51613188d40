using System.ComponentModel.DataAnnotations;

namespace Jobs.Api.Infrastructure;

/// <summary>How far organisers may use the Hangfire dashboard; admins always have it in full, other roles never.</summary>
public enum DashboardAccess
{
    /// <summary>Every page, but no command: trigger, delete, requeue and the like are refused.</summary>
    ReadOnly,

    /// <summary>Not at all (403), as for graduates and employers.</summary>
    None,
}

public sealed class HangfireDashboardOptions
{
    public const string Section = "BackgroundJobs:Dashboard";

    [EnumDataType(typeof(DashboardAccess))]
    public DashboardAccess OrganiserAccess { get; set; } = DashboardAccess.ReadOnly;
}
