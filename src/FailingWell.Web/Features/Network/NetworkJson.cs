using System.Text.Json;

namespace FailingWell.Web.Features.Network;

/// <summary>How the hub and its members write and read what they send each other: JSON, camelCase (the web defaults).</summary>
public static class NetworkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
