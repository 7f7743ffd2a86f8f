using Hl7.Fhir.Serialization;
using R4 = Hl7.Fhir.Model;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>
/// What a receiving LFPSE checks in every body, against the taxonomy snapshot the app ships (one set of
/// rules for the tests' fake server and the Development sandbox): it parses strictly as an R4 AdverseEvent; the profile URL; the event type; a date with no time;
/// every extension known and on the right resource; every sub-extension known, of its type, within
/// its cardinality, the required ones present; every code in its value set; the local references resolve.
/// </summary>
public static class LfpseConformance
{
    public static IReadOnlyList<string> Problems(string json) => Problems(json, LfpseTaxonomy.Shipped);

    public static IReadOnlyList<string> Problems(string json, LfpseTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        R4.Resource resource;
        try
        {
            resource = LfpseJson.Read(json);
        }
        catch (DeserializationFailedException exception)
        {
            return [$"Not a valid R4 resource: {exception.Message}"];
        }

        if (resource is not R4.AdverseEvent adverseEvent)
        {
            return [$"Expected an AdverseEvent, got a {resource.TypeName}."];
        }

        var problems = new List<string>();
        if (adverseEvent.Meta?.Profile?.FirstOrDefault() != taxonomy.ProfileUrl)
        {
            problems.Add($"meta.profile is not {taxonomy.ProfileUrl}.");
        }

        if (!taxonomy.IsEventType(adverseEvent.Event?.Coding?.FirstOrDefault()?.Code))
        {
            problems.Add("event.coding[0].code is not one of LFPSE's event types.");
        }

        if (adverseEvent.Date is { } date && date.Length != 10)
        {
            problems.Add($"date carries a time: {date}.");
        }

        foreach (var reference in new[] { adverseEvent.Subject, adverseEvent.Location, adverseEvent.Recorder })
        {
            if (reference?.Reference is { } target && !adverseEvent.Contained.Any(c => "#" + c.Id == target))
            {
                problems.Add($"The reference {target} is to nothing contained.");
            }
        }

        CheckExtensions("AdverseEvent", adverseEvent.Extension, taxonomy, problems);
        foreach (var contained in adverseEvent.Contained.OfType<R4.DomainResource>())
        {
            CheckExtensions(contained.TypeName, contained.Extension, taxonomy, problems);
        }

        foreach (var required in new[] { ("Location", "location-details"), ("Practitioner", "practitioner-details") })
        {
            var holder = adverseEvent.Contained.OfType<R4.DomainResource>().FirstOrDefault(c => c.TypeName == required.Item1);
            if (holder is null || holder.Extension.Count(e => e.Url == taxonomy.ExtensionUrl(required.Item2)) != 1)
            {
                problems.Add($"The contained {required.Item1} needs exactly one {required.Item2}.");
            }
        }

        return problems;
    }

    private static void CheckExtensions(string on, IEnumerable<R4.Extension> extensions, LfpseTaxonomy taxonomy, List<string> problems)
    {
        foreach (var extension in extensions)
        {
            var definition = taxonomy.ExtensionAt(extension.Url);
            if (definition is null)
            {
                problems.Add($"Unknown extension {extension.Url} on {on}.");
                continue;
            }

            if (definition.On != on)
            {
                problems.Add($"{definition.Name} belongs on {definition.On}, not {on}.");
            }

            foreach (var sub in extension.Extension)
            {
                var field = definition.Field(sub.Url ?? "");
                if (field is null)
                {
                    problems.Add($"{definition.Name} has no sub-extension {sub.Url}.");
                    continue;
                }

                var typeIsRight = field.Type switch
                {
                    "code" => sub.Value is R4.Code,
                    "string" => sub.Value is R4.FhirString,
                    "boolean" => sub.Value is R4.FhirBoolean,
                    "integer" => sub.Value is R4.Integer,
                    "date" => sub.Value is R4.Date,
                    "time" => sub.Value is R4.Time,
                    _ => false,
                };
                if (!typeIsRight)
                {
                    problems.Add($"{definition.Name}.{field.Name} should be a {field.Type}.");
                }

                if (field.ValueSet is { } valueSet && sub.Value is R4.Code code && !taxonomy.Contains(valueSet, code.Value))
                {
                    problems.Add($"{definition.Name}.{field.Name}: \"{code.Value}\" is not in {valueSet}.");
                }
            }

            foreach (var field in definition.Fields)
            {
                var count = extension.Extension.Count(s => s.Url == field.Name);
                if (count < field.Min || count > field.Max)
                {
                    problems.Add($"{definition.Name}.{field.Name} appears {count} times; LFPSE allows {field.Min}..{field.Max}.");
                }
            }
        }
    }
}
