/** The directory as the engine serves it (GET /api/departments, GET /api/users). */
export type { DepartmentDto, UserSummaryDto as DirectoryUserDto } from '@diwan/contracts';
