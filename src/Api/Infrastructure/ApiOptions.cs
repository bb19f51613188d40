namespace Jobs.Api.Infrastructure;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Serve the OpenAPI document (/openapi/v1.json) and the browsable reference (/scalar). Off by default: a public
    /// deployment need not publish a map of every endpoint; Development turns it on.
    /// </summary>
    public bool Docs { get; set; }
}
