using System.Net;
using System.Net.Http.Json;
using LeadScoringStudio.Core.Warehouse;
using LeadScoringStudio.Features.Warehouse;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Api;

/// <summary><c>GET /api/v1/models/{key}/versions/{n}/sql</c>: a published version as warehouse SQL.</summary>
public sealed class ApiWarehouseSqlTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Path = "/api/v1/models/starter-model/versions/1/sql";

    [Fact]
    public async Task A_version_comes_as_one_statement_whose_header_names_the_model_version_and_publisher()
    {
        var response = await api.Client(api.ReadKey).GetAsync($"{Path}?dialect=postgresql");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("starter-model-v1.postgresql.sql", response.Content.Headers.ContentDisposition!.FileName);
        var sql = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("-- Lead Scoring Studio: Starter model, version 1, published by ", sql);
        Assert.Contains("\nWITH\n", sql);
        Assert.Contains("current_setting('lead_scoring.as_of')", sql);
    }

    [Fact]
    public async Task The_dbt_format_is_a_model_file_named_as_a_table()
    {
        await SaveMappingAsync(WarehouseMapping.Default);

        var response = await api.Client(api.ReadKey).GetAsync($"{Path}?dialect=spark&format=dbt");

        response.EnsureSuccessStatusCode();
        Assert.Equal("lead_scores_starter_model.sql", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith("{{ config(materialized='table') }}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?dialect=oracle", "dialect")]
    [InlineData("", "dialect")]
    [InlineData("?dialect=duckdb&format=xml", "format")]
    public async Task An_unknown_dialect_or_format_is_answered_naming_the_parameter(string query, string parameter)
    {
        var response = await api.Client(api.ReadKey).GetAsync(Path + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(parameter, problem!.Errors.Keys);
    }

    [Theory]
    [InlineData("/api/v1/models/starter-model/versions/99/sql?dialect=duckdb", "has no published version 99")]
    [InlineData("/api/v1/models/nope/versions/1/sql?dialect=duckdb", "There is no model with key 'nope'")]
    public async Task A_version_or_model_that_is_not_there_is_a_404_saying_which(string path, string says)
    {
        var response = await api.Client(api.ReadKey).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(says, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task The_sql_reads_the_tables_and_columns_of_the_workspaces_mapping()
    {
        await SaveMappingAsync(new WarehouseMapping { LeadsTable = "crm.contacts", ActivitiesTable = "crm.events" }
            .WithColumn("seniority", "job_level"));

        var sql = await api.Client(api.ReadKey).GetStringAsync($"{Path}?dialect=duckdb");

        Assert.Contains("FROM \"crm\".\"contacts\" AS l", sql);
        Assert.Contains("lower(l.\"job_level\")", sql);
    }

    [Fact]
    public async Task A_version_that_cannot_be_written_exactly_is_a_422_with_the_sentence_that_says_why()
    {
        await SaveMappingAsync(new WarehouseMapping { LeadsTable = "crm.contacts", ActivitiesTable = "web.events" });

        var response = await api.Client(api.ReadKey).GetAsync($"{Path}?dialect=postgresql&format=dbt");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Version 1 of 'Starter model' cannot be written as PostgreSQL exactly.", problem!.Title);
        Assert.Equal("A dbt source has one schema, but the leads and activities tables are in different schemas.",
            problem.Detail);
    }

    private async Task SaveMappingAsync(WarehouseMapping mapping)
    {
        var mappings = api.App.Services.GetRequiredService<WarehouseMappings>();
        var saved = await mappings.SaveAsync(mapping, (await mappings.GetAsync()).Version, Principals.Ops);
        Assert.True(saved.Succeeded, saved.Message);
    }
}
