using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>FHIR R4 JSON through the Firely SDK: written indented (the lead reads it), read back strictly.</summary>
public static class LfpseJson
{
    private static readonly JsonSerializerOptions Writing = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    private static readonly JsonSerializerOptions Reading = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Strict);

    public static string Write(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Writing);

    /// <summary>
    /// Any FHIR resource, strictly: an unknown element, a wrong type or a missing mandatory element
    /// throws <see cref="DeserializationFailedException"/>.
    /// </summary>
    public static Resource Read(string json) => JsonSerializer.Deserialize<Resource>(json, Reading)
        ?? throw new JsonException("The body is empty.");
}
