#pragma once

#include "core/json.h"
#include "core/snapshot.h"

#include <string>
#include <vector>

namespace layerlens::core {

/// One snapshot as the JSON object of a stats.jsonl line (docs/stats-format.md). Non-finite
/// numbers are written as null.
json::Value snapshotToJson(const Snapshot &snapshot);
/// Reads such an object back (null reads as NaN); throws std::invalid_argument naming the field.
Snapshot snapshotFromJson(const json::Value &object);

/// The header line of stats.csv, without the newline.
std::string statsCsvHeader();
/// The rows of stats.csv for one snapshot: one per hidden layer, each ending in a newline.
std::string statsCsvRows(const Snapshot &snapshot);

/// Writes snapshots as stats.jsonl (one compact JSON object per line), atomically.
void writeStatsJsonl(const std::vector<Snapshot> &snapshots, const std::string &path);
/// Writes snapshots as stats.csv, atomically.
void writeStatsCsv(const std::vector<Snapshot> &snapshots, const std::string &path);
/// Reads stats.jsonl; errors name the file and line.
std::vector<Snapshot> readStatsJsonl(const std::string &path);
/// Reads stats.csv into rows of named numbers (header names → values); errors name the file and line.
std::vector<std::vector<std::pair<std::string, double>>> readStatsCsv(const std::string &path);

} // namespace layerlens::core
