using System.Net;
using System.Text.RegularExpressions;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FailingWell.Tests.Support;

/// <summary>Filling in and sending the report form as a member of staff would.</summary>
public static partial class Reports
{
    public sealed record Sent(HttpResponseMessage Response, string Html, string? Reference, string? ReceiptCode);

    /// <summary>A complete, valid anonymous report; tests change what they need.</summary>
    public static async Task<Dictionary<string, string>> ValidAnswersAsync(FailingWellApp app, string whatHappened = "A patient slipped on a wet floor by bay 3.")
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var location = await db.Locations.OrderBy(l => l.Id).FirstAsync();
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["Input.Kind"] = "Incident",
            ["Input.WhatHappened"] = whatHappened,
            ["Input.ImmediateAction"] = "Floor dried and a sign put out.",
            ["Input.When"] = "Today",
            ["Input.TimeOfDay"] = "Night",
            ["Input.Where"] = ReportForm.LocationValue(location.Id),
            ["Input.PersonAffected"] = "Patient",
            ["Input.PhysicalHarm"] = "Low",
            ["Input.PsychologicalHarm"] = "None",
            ["Input.CategoryId"] = category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StaffGroupId"] = "",
        };
    }

    public static async Task<Sent> SendAsync(HttpClient client, IDictionary<string, string> answers)
    {
        var response = await Forms.PostAsync(client, "/report", answers);
        return await ReadAsync(response);
    }

    public static async Task<Sent> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var reference = ReferencePattern().Match(html);
        var code = CodePattern().Match(html);
        return new Sent(response, html,
            reference.Success ? reference.Value : null,
            code.Success ? WebUtility.HtmlDecode(code.Groups[1].Value) : null);
    }

    [GeneratedRegex(@"FW-\d{4}-\d{6}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("id=\"receipt-code\">([^<]+)<")]
    private static partial Regex CodePattern();
}
